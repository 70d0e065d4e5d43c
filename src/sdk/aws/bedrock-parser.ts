import type { BedrockRuntimeClient, ContentBlock, ConverseCommandOutput, Message } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import { TalentError } from '../errors.js';
import { toMonth, unionYears } from '../local/parser/dates.js';
import type { SkillTaxonomy } from '../matching/taxonomy.js';
import { ProfileSchema, type Experience, type Profile } from '../model/index.js';
import type { ProfileParser } from '../ports/index.js';
import { awsCall } from './errors.js';

export const PROFILE_TOOL = 'record_profile';
/** Longer resumes are cut here: a resume is rarely a tenth of this, and the cap bounds the token bill. */
const MAX_RESUME_CHARS = 60_000;

/**
 * The tool's input schema: JSON Schema generated from the same zod schema the
 * output is validated with, so the two cannot drift. Bedrock wants a plain
 * object schema, so the `$schema` marker is dropped.
 */
export function profileToolSchema(): Record<string, unknown> {
  const { $schema: _drop, ...schema } = z.toJSONSchema(ProfileSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return schema;
}

const SYSTEM = [
  'You extract structured data from one resume.',
  `Call the ${PROFILE_TOOL} tool exactly once. Use only facts stated in the resume; leave out what it does not say.`,
  'Dates are "YYYY-MM", or "YYYY" when only the year is given. A current position has current: true and no end.',
  'skills lists every skill, tool, technology and method named anywhere; experience entries go newest first.',
  'education.level is one of Bachelor, Master, Doctorate, Associate, Diploma, Certificate.',
].join('\n');

export interface BedrockParserOptions {
  modelId: string;
  taxonomy: SkillTaxonomy;
  /** Output token cap per call. Default 4096. */
  maxTokens?: number;
  /** "Now", for current positions. Default: the time of parsing. */
  referenceDate?: Date;
}

/**
 * Profile parsing with a Bedrock model through the Converse API: the model is
 * forced to answer by calling one tool whose input schema is the profile's
 * JSON Schema. The input is validated with zod; on invalid output the model
 * gets ONE repair turn (the validation errors as a tool result), and a second
 * failure is a clear error. Skills are then mapped onto the taxonomy and years
 * recomputed from the dates, so matching sees the same canonical names as
 * with the local parser.
 */
export class BedrockProfileParser implements ProfileParser {
  private readonly schema = profileToolSchema();

  constructor(private readonly bedrock: BedrockRuntimeClient, private readonly options: BedrockParserOptions) {}

  async parse(text: string, options: { fileName?: string } = {}): Promise<Profile> {
    const file = options.fileName;
    const resume = text.length > MAX_RESUME_CHARS ? text.slice(0, MAX_RESUME_CHARS) : text;
    const messages: Message[] = [{ role: 'user', content: [{ text: `Resume${file ? ` (${file})` : ''}:\n<resume>\n${resume}\n</resume>` }] }];

    let problem = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      const out = await this.converse(messages);
      const content = out.output?.message?.content ?? [];
      const toolUse = content.find((b): b is ContentBlock.ToolUseMember => 'toolUse' in b && b.toolUse?.name === PROFILE_TOOL)?.toolUse;
      if (toolUse) {
        const parsed = ProfileSchema.safeParse(withoutNulls(toolUse.input));
        if (parsed.success) return this.normalise(parsed.data);
        problem = parsed.error.issues
          .slice(0, 12)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        if (out.stopReason === 'max_tokens') problem = `the output was cut off at the token limit; ${problem}`;
        messages.push(out.output!.message!, {
          role: 'user',
          content: [
            { toolResult: { toolUseId: toolUse.toolUseId!, status: 'error', content: [{ text: `Invalid input: ${problem}` }] } },
            { text: `Call ${PROFILE_TOOL} again with every field valid against its schema.` },
          ],
        });
      } else {
        problem = `the model answered without calling ${PROFILE_TOOL} (stopReason ${out.stopReason ?? 'unknown'})`;
        if (out.output?.message) messages.push(out.output.message);
        messages.push({ role: 'user', content: [{ text: `Answer only by calling the ${PROFILE_TOOL} tool.` }] });
      }
    }
    throw new TalentError(`${this.options.modelId} returned an invalid profile for ${file ?? 'the resume'} twice: ${problem}`, {
      code: 'E_PARSE_MODEL_OUTPUT',
      fault: 'provider',
      retryable: false,
      file,
      provider: 'aws:bedrock',
      hint: 'Use a more capable model (aws.bedrock.parseModelId), or check that the text is a resume (`talent parse <file>` shows it).',
    });
  }

  private async converse(messages: Message[]): Promise<ConverseCommandOutput> {
    const { ConverseCommand } = await import('@aws-sdk/client-bedrock-runtime');
    return awsCall({ service: 'bedrock', operation: 'Converse', resource: this.options.modelId }, () =>
      this.bedrock.send(
        new ConverseCommand({
          modelId: this.options.modelId,
          system: [{ text: SYSTEM }],
          messages,
          inferenceConfig: { maxTokens: this.options.maxTokens ?? 4096, temperature: 0 },
          toolConfig: {
            tools: [{ toolSpec: { name: PROFILE_TOOL, description: 'Record the structured profile found in the resume.', inputSchema: { json: this.schema as never } } }],
            // `any` forces a tool call and, unlike naming the tool, works on every model that supports tools.
            toolChoice: { any: {} },
          },
        }),
      ),
    );
  }

  /** Canonical skill names, per-entry skills and years recomputed from dates, like the local parser's. */
  private normalise(p: Profile): Profile {
    const { taxonomy } = this.options;
    const ref = this.options.referenceDate ?? new Date();
    const nowMonth = ref.getUTCFullYear() * 12 + ref.getUTCMonth();
    const interval = (e: Experience): [number, number] | undefined => {
      if (!e.start) return undefined;
      const end = e.current || !e.end ? nowMonth : toMonth(e.end, 'end');
      return [toMonth(e.start, 'start'), Math.min(end, nowMonth)];
    };
    const experience = p.experience.map((e) => ({
      ...e,
      skills: [...new Set([...e.skills.map((s) => taxonomy.normalise(s)), ...taxonomy.findSkills(`${e.title ?? ''}\n${e.description}`)])],
    }));
    const intervals = experience.map(interval).filter((x): x is [number, number] => Boolean(x));
    const seen = new Set<string>();
    const skills = p.skills.flatMap((s) => {
      const name = taxonomy.normalise(s.name);
      if (!name || seen.has(name)) return [];
      seen.add(name);
      const used = experience.filter((e) => e.skills.includes(name)).map(interval).filter((x): x is [number, number] => Boolean(x));
      const years = used.length ? unionYears(used) : s.years;
      const category = taxonomy.category(name) ?? s.category;
      return [{ name, ...(category ? { category } : {}), ...(years ? { years } : {}) }];
    });
    return {
      ...p,
      emails: [...new Set(p.emails.map((e) => e.trim().toLowerCase()))],
      skills,
      experience,
      totalYears: intervals.length ? unionYears(intervals) : p.totalYears,
    };
  }
}

/** Models often write `null` for "not stated"; the schema means "absent". */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (v === null ? [] : [[k, withoutNulls(v)]])));
  }
  return value;
}
