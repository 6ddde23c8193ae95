import type { Page } from 'playwright-core';

// The checks run inside the page; they are written as source text because this project compiles without DOM types.

/** How far the page scrolls sideways: 0 when nothing sticks out of the viewport. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Whether every element with the test id lies fully inside the viewport and its table's visible frame (not clipped, no scrolling needed). */
export async function fullyVisibleHorizontally(page: Page, testId: string): Promise<{ count: number; clipped: number }> {
  return page.evaluate<{ count: number; clipped: number }>(`(() => {
    const elements = [...document.querySelectorAll('[data-testid=' + ${JSON.stringify(JSON.stringify(testId))} + ']')];
    const width = document.documentElement.clientWidth;
    const clipped = elements.filter((element) => {
      const box = element.getBoundingClientRect();
      if (box.left < 0 || box.right > width) return true;
      const container = element.closest('.ant-table-content, .ant-table-body');
      if (!container) return false;
      const frame = container.getBoundingClientRect();
      return box.left < frame.left - 1 || box.right > frame.right + 1;
    }).length;
    return { count: elements.length, clipped };
  })()`);
}

/** Texts of the elements matching a selector whose content is wider than the element (cut off). */
export async function cutCells(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent ?? '')`);
}

/** Tables on the page whose columns do not fit, so part of a row is hidden until one scrolls inside the table. */
export async function tablesScrollingSideways(page: Page): Promise<number> {
  return page.evaluate<number>(`[...document.querySelectorAll('.ant-table-content, .ant-table-body')].filter((frame) => frame.scrollWidth > frame.clientWidth + 1).length`);
}
