import type { Page } from 'playwright-core';

/** How far the page scrolls sideways: 0 when nothing sticks out of the viewport. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Whether every element matching the test id lies fully inside the viewport horizontally (not clipped, no scrolling needed). */
export async function fullyVisibleHorizontally(page: Page, testId: string): Promise<{ count: number; clipped: number }> {
  return page.evaluate((id) => {
    const elements = [...document.querySelectorAll(`[data-testid="${id}"]`)];
    const width = document.documentElement.clientWidth;
    const clipped = elements.filter((element) => {
      const box = element.getBoundingClientRect();
      if (box.left < 0 || box.right > width) return true;
      // Inside a scrolled table the body clips what lies past its edge.
      const container = element.closest('.ant-table-content, .ant-table-body');
      if (!container) return false;
      const frame = container.getBoundingClientRect();
      return box.left < frame.left - 1 || box.right > frame.right + 1;
    }).length;
    return { count: elements.length, clipped };
  }, testId);
}

/** Cells whose text is cut by their own width (text wider than the cell), matching a selector. */
export async function cutCells(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((query) => {
    return [...document.querySelectorAll<HTMLElement>(query)].filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent ?? '');
  }, selector);
}
