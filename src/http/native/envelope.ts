import type { Page, PageRequest } from '../../storage/pagination.js';

/** seed 004's success envelope. */
export function success<Data>(data: Data, message?: string) {
  return message === undefined ? { status: 'success' as const, data } : { status: 'success' as const, message, data };
}

export function messageOnly(message: string) {
  return { status: 'success' as const, message, data: null };
}

/** seed 004's paginated envelope: `data` is the page, `pagination` says where it stands. */
export function paginated<Item>(page: Page<Item>, request: PageRequest) {
  return {
    status: 'success' as const,
    data: page.items,
    pagination: {
      total: page.total,
      pages: Math.ceil(page.total / request.limit),
      page: request.page,
      limit: request.limit,
    },
  };
}
