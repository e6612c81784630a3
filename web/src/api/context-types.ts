/** The context module's wire shapes, imported type-only from the server's zod schemas, for the context pages. */
import type {
  ContextEntry,
  ContextEntryPage,
  ContextHistoryPage,
  ContextMember,
  ContextPerson,
  ContextSpace,
  ContextSpacePage,
  ContextVersion,
  MemberRole,
} from '@server/modules/context/schema';

export type {
  ContextEntry,
  ContextEntryPage,
  ContextHistoryPage,
  ContextMember,
  ContextPerson,
  ContextSpace,
  ContextSpacePage,
  ContextVersion,
  MemberRole,
};
