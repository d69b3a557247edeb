import type { Store } from '../../storage/store.js';
import type { Page, PageRequest } from '../../storage/pagination.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { toUserView, type UserView } from './user-view.js';

export interface AdminUserUpdate {
  role?: 'admin' | 'user' | undefined;
  status?: 'active' | 'disabled' | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  email?: string | undefined;
}

/** What an admin may do to accounts. The platform always keeps at least one active admin. */
export class UserAdminService {
  constructor(private readonly store: Store) {}

  async list(request: PageRequest & { search?: string | undefined }): Promise<Page<UserView>> {
    const page = await this.store.users.list(request);
    return { items: page.items.map(toUserView), total: page.total };
  }

  async get(id: string): Promise<UserView> {
    const user = await this.store.users.findById(id);
    if (!user) throw new NotFoundError('User');
    return toUserView(user);
  }

  async update(id: string, update: AdminUserUpdate): Promise<UserView> {
    const now = new Date().toISOString();
    try {
      return await this.store.transaction(async (repositories) => {
        const user = await repositories.users.findById(id);
        if (!user) throw new NotFoundError('User');
        const losesAdmin =
          user.role === 'admin' &&
          user.status === 'active' &&
          ((update.role !== undefined && update.role !== 'admin') ||
            (update.status !== undefined && update.status !== 'active'));
        if (losesAdmin && (await repositories.users.countActiveAdmins()) <= 1) {
          throw new ConflictError('The last active admin cannot be demoted or disabled');
        }
        const updated = await repositories.users.update(id, {
          ...(update.role !== undefined && { role: update.role }),
          ...(update.status !== undefined && { status: update.status }),
          ...(update.firstName !== undefined && { firstName: update.firstName }),
          ...(update.lastName !== undefined && { lastName: update.lastName }),
          ...(update.email !== undefined && { email: update.email.trim().toLowerCase() }),
          updatedAt: now,
        });
        if (update.status === 'disabled') await repositories.sessions.revokeAllForUser(id, 'account-disabled', now);
        return toUserView(updated ?? user);
      });
    } catch (error) {
      if (this.store.isUniqueViolation(error)) throw new ConflictError('Email is already registered');
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    await this.store.transaction(async (repositories) => {
      const user = await repositories.users.findById(id);
      if (!user) throw new NotFoundError('User');
      if (user.role === 'admin' && user.status === 'active' && (await repositories.users.countActiveAdmins()) <= 1) {
        throw new ConflictError('The last active admin cannot be deleted');
      }
      await repositories.users.delete(id);
    });
  }
}
