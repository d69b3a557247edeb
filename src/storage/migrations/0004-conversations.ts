import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * Conversations with chatbots (seeds 001, 002, 004): the people a chatbot talks to, the
 * conversations, their messages as a tree (a message's parent is the one it answers or
 * follows, so an edited question or a regenerated answer is a sibling), ratings of answers,
 * and the idempotency keys that make a retried send return the first result.
 */
export function conversationsMigration(capabilities: StorageCapabilities): Migration {
  const timestamp = sql.raw(capabilities.timestampType);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('end_users')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('chatbot_id', 'text', (column) => column.notNull().references('chatbots.id').onDelete('cascade'))
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('external_id', 'text', (column) => column.notNull())
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('last_seen_at', timestamp, (column) => column.notNull())
        .addUniqueConstraint('end_users_chatbot_id_kind_external_id', ['chatbot_id', 'kind', 'external_id'])
        .execute();

      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('chatbot_id', 'text', (column) => column.notNull().references('chatbots.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (column) => column.references('users.id').onDelete('set null'))
        .addColumn('end_user_id', 'text', (column) => column.references('end_users.id').onDelete('set null'))
        .addColumn('title', 'text', (column) => column.notNull())
        // The newest message of the current branch. Not a foreign key: it points into the
        // conversation's own messages, which are created after it and deleted with it.
        .addColumn('current_message_id', 'text')
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('updated_at', timestamp, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('conversations_chatbot_id_updated_at')
        .on('conversations')
        .columns(['chatbot_id', 'updated_at'])
        .execute();
      await db.schema.createIndex('conversations_end_user_id').on('conversations').column('end_user_id').execute();

      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('conversation_id', 'text', (column) =>
          column.notNull().references('conversations.id').onDelete('cascade'),
        )
        .addColumn('parent_id', 'text', (column) => column.references('messages.id').onDelete('cascade'))
        // Distance from the root: orders a question before its answer written in the same instant.
        .addColumn('depth', 'integer', (column) => column.notNull())
        .addColumn('role', 'text', (column) => column.notNull())
        .addColumn('content', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .addColumn('model_name', 'text')
        .addColumn('provider_type', 'text')
        .addColumn('finish_reason', 'text')
        .addColumn('input_tokens', 'integer')
        .addColumn('output_tokens', 'integer')
        .addColumn('total_tokens', 'integer')
        .addColumn('usage_estimated', 'integer')
        .addColumn('first_token_ms', 'integer')
        .addColumn('total_ms', 'integer')
        .addColumn('citations', 'text', (column) => column.notNull())
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('completed_at', timestamp)
        .execute();
      await db.schema
        .createIndex('messages_conversation_id_created_at')
        .on('messages')
        .columns(['conversation_id', 'created_at'])
        .execute();
      await db.schema.createIndex('messages_parent_id').on('messages').column('parent_id').execute();

      await db.schema
        .createTable('message_ratings')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('message_id', 'text', (column) => column.notNull().references('messages.id').onDelete('cascade'))
        // Who rated: `user:<id>` for a platform account, `end-user:<id>` for an end user.
        .addColumn('rater', 'text', (column) => column.notNull())
        .addColumn('rating', 'text', (column) => column.notNull())
        .addColumn('score', 'integer')
        .addColumn('comment', 'text')
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('updated_at', timestamp, (column) => column.notNull())
        .addUniqueConstraint('message_ratings_message_id_rater', ['message_id', 'rater'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
        .addColumn('idempotency_key', 'text', (column) => column.notNull())
        .addColumn('request_hash', 'text', (column) => column.notNull())
        .addColumn('conversation_id', 'text', (column) =>
          column.notNull().references('conversations.id').onDelete('cascade'),
        )
        .addColumn('user_message_id', 'text', (column) => column.notNull())
        .addColumn('assistant_message_id', 'text', (column) => column.notNull())
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('completed_at', timestamp)
        .addUniqueConstraint('idempotency_keys_user_id_idempotency_key', ['user_id', 'idempotency_key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_conversation_id')
        .on('idempotency_keys')
        .column('conversation_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['idempotency_keys', 'message_ratings', 'messages', 'conversations', 'end_users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
