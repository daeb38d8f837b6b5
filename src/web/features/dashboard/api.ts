import { brandApiPath } from '../../kit/workspace/brand.ts';
import { request } from '../../lib/api-client.ts';

export const dashboardApi = {
  getBrandProgress: (brandId: string) =>
    request('GET', `${brandApiPath(brandId)}/progress`, 'brandProgressResponseSchema'),
};
