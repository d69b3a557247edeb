import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ValidationError } from '../../../core/errors.js';
import type { FileUpload } from '../../../core/knowledge/knowledge-file-service.js';
import { principalOf } from '../access.js';
import { messageOnly, success } from '../envelope.js';
import { IdParams, MessageEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { FileListQuery, FileParams, KnowledgeFile, KnowledgeFileData } from '../schemas/knowledge-source-schemas.js';

const tags = ['Knowledge files'];

/**
 * Files of a knowledge base (seed 003 #4–7, #10–12, #44–45): multipart uploads streamed to blob
 * storage, typed by content, de-duplicated by hash, processed in the background.
 */
export default async function knowledgeFileRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { files } = app.services.knowledge;
  // One file part per request; the transport stops a byte past the limit, the service says why.
  await app.register(multipart, { limits: { files: 1, fields: 0, parts: 1, fileSize: files.maximumUploadBytes + 1 } });

  app.post(
    '/knowledge-bases/:id/files',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart field "file"); the same bytes again return the existing file with 200',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: SuccessEnvelope(KnowledgeFileData), 201: SuccessEnvelope(KnowledgeFileData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { file, created } = await files.upload(principalOf(request).user.id, request.params.id, await filePart(request));
      return created
        ? reply.status(201).send(success({ file }, 'File uploaded'))
        : reply.status(200).send(success({ file }, 'File already in the knowledge base'));
    },
  );

  app.get(
    '/knowledge-bases/:id/files',
    {
      schema: {
        tags,
        summary: "List a knowledge base's files; kind=spreadsheet lists spreadsheets (with their summary) only",
        params: IdParams,
        querystring: FileListQuery,
        response: { 200: SuccessEnvelope(Type.Array(KnowledgeFile)), ...errorResponses },
      },
    },
    async (request) => success(await files.list(principalOf(request).user.id, request.params.id, request.query.kind)),
  );

  app.get(
    '/knowledge-bases/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Get a file with its processing status',
        params: FileParams,
        response: { 200: SuccessEnvelope(KnowledgeFileData), ...errorResponses },
      },
    },
    async (request) => {
      const { id, fileId } = request.params;
      return success({ file: await files.get(principalOf(request).user.id, id, fileId) });
    },
  );

  app.put(
    '/knowledge-bases/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: "Refresh a file by uploading its new version (multipart field \"file\"); its chunks are replaced once processed",
        consumes: ['multipart/form-data'],
        params: FileParams,
        response: { 200: SuccessEnvelope(KnowledgeFileData), ...errorResponses },
      },
    },
    async (request) => {
      const { id, fileId } = request.params;
      const file = await files.refresh(principalOf(request).user.id, id, fileId, await filePart(request));
      return success({ file }, 'File refreshed');
    },
  );

  app.delete(
    '/knowledge-bases/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Delete a file with its chunks',
        params: FileParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const { id, fileId } = request.params;
      await files.delete(principalOf(request).user.id, id, fileId);
      return messageOnly('File deleted');
    },
  );
}

/** The request's one file part, still streaming. */
async function filePart(request: FastifyRequest): Promise<FileUpload> {
  if (!request.isMultipart()) throw new ValidationError('Send the file as multipart/form-data in the field "file"');
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw new ValidationError('Send the file in the multipart field "file"');
  return { filename: part.filename, content: part.file };
}
