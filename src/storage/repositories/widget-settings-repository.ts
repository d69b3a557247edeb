import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, WidgetSettingsTable } from '../schema.js';

export type WidgetSettingsRow = Selectable<WidgetSettingsTable>;

/** Each chatbot's widget appearance; a chatbot without a row uses the defaults. */
export class WidgetSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(chatbotId: string): Promise<WidgetSettingsRow | undefined> {
    return this.db.selectFrom('widgetSettings').selectAll().where('chatbotId', '=', chatbotId).executeTakeFirst();
  }

  async upsert(settings: Insertable<WidgetSettingsTable>): Promise<WidgetSettingsRow> {
    const { chatbotId, ...columns } = settings;
    return this.db
      .insertInto('widgetSettings')
      .values(settings)
      .onConflict((conflict) => conflict.column('chatbotId').doUpdateSet(columns))
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
