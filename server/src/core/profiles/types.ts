// The shape of a profile: which items a kind of report must contain and how to recognise them.
// Profiles are data (JSON beside this file, or a user's config file), read through this one shape.

import type { Message, RuleSource } from '../findings';
import type { TemplateTable } from '../model/gov-info-template';

export interface ProfileItem {
  /** Stable id, e.g. 'measures'. */
  id: string;
  /** The item in the regulation's wording, and in English. */
  name: Message;
  /** A few words for a column header (the CLI's section matrix). */
  short?: Message;
  /** A required item missing is an error; an optional one at most a hint. */
  required: boolean;
  /** Which year the item speaks of: 0 the report year, 1 the year after (the plan). */
  yearOffset?: 0 | 1;
  /** Regular expressions (source strings) tried on heading titles. */
  headings: string[];
  /** A heading matching one of these is not this item even if it matches `headings`. */
  notHeadings?: string[];
  /** Deepest heading level to look at (1 = only 一、 headings). */
  maxLevel?: 1 | 2 | 3 | 4;
  /** Regular expressions tried on the body: the item is present if the report speaks of it anywhere. */
  body?: string[];
  /**
   * Who carries the item (「主要负责(人|同志)」): a body mention whose sentence also names one of them reports the item
   * (「主要负责同志切实履行推进法治建设第一责任人职责，组织召开……」), as does one opening an enumerated item
   * (「一是夯实法治建设第一责任人职责」). Any other mention only touches on it in passing, which is worth a warning.
   */
  bodyActors?: string[];
  /**
   * Regular expressions tried on the first sentence of a body paragraph that may open the item without a heading of
   * its own (「一年来，……取得了一定成效，但也存在一些不足」「{Y+1}年，我镇将……」): {Y} is the report year, {Y+1} the
   * next, and a pattern naming them is skipped when the year is unknown. See profiles/unheaded.ts for the list that
   * must follow.
   */
  opening?: string[];
  /** The item is also present as a run of other level-1 headings before the first heading of this item
   * (thematic sections 「一、坚持党的全面领导……」 before 「存在的不足」 count as 举措和成效). */
  thematicRunBefore?: string;
  /**
   * Text of the section inserted by the quick fix and the skeleton snippet; {Y} is the report year, {Y+1} the
   * next. A section that is one of the template's tables names it: the table (0 in every cell) is inserted then.
   */
  skeleton: { heading: string; paragraph: string; table?: TemplateTable };
}

export interface Profile {
  id: string;
  name: Message;
  sources: RuleSource[];
  /** Regular expressions tried on the title to pick this profile. */
  detect: { title: string[] };
  items: ProfileItem[];
}
