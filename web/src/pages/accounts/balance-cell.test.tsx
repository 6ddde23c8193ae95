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

  it('shows a dash when nothing is known', () => {
    render(<BalanceCell balance={null} />);
    expect(screen.getByText('—')).toBeTruthy();
  });
});
