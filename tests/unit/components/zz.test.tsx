import { expect, it, vi } from 'vitest';
import { Options } from '../../../components/Options';

vi.mock('@/lib/settings/schema', () => import('../../../lib/settings/schema'));
it('x', () => {
  expect(Options).toBeTypeOf('function');
});
