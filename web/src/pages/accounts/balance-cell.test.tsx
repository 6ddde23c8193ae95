import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BalanceCell } from './balance-cell';

describe('BalanceCell', () => {
  it('draws a bar when remaining and limit are known', () => {
    const { container } = render(<BalanceCell balance={{ remaining: 25, limit: 100, unit: 'USD' }} />);
    expect(container.querySelector('.ant-progress')).not.toBeNull();
    expect(screen.getByText('$25')).toBeTruthy();
  });

  it('shows the number alone without a limit', () => {
    const { container } = render(<BalanceCell balance={{ remaining: 1234, unit: 'credits' }} />);
    expect(container.querySelector('.ant-progress')).toBeNull();
    expect(screen.getByText('1,234 credits')).toBeTruthy();
  });

  it('lists the parts of a Kiro allowance, the overage and the reset in its tooltip', () => {
    const { container } = render(
      <BalanceCell
        balance={{
          remaining: 527.5,
          limit: 650,
          unit: 'credits',
          resetAt: Date.UTC(2027, 0, 1),
          breakdown: [
            { kind: 'base', label: 'Credit', used: 12.5, limit: 50 },
            { kind: 'free_trial', label: 'Free trial', used: 100, limit: 500 },
          ],
          overage: { enabled: false, used: 0, cap: null },
        }}
      />,
    );
    const title = container.querySelector('[title]')?.getAttribute('title') ?? '';
    expect(title).toContain('Credit 12.50/50');
    expect(title).toContain('Free trial 100/500');
    expect(title).toContain('overage off');
    expect(title).toContain('resets');
  });

  it('shows a dash when nothing is known', () => {
    render(<BalanceCell balance={null} />);
    expect(screen.getByText('—')).toBeTruthy();
  });
});
