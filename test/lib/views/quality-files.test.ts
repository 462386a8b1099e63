import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedFiles } from '../../../src/lib/views/quality';
import { surveyPath } from '../../../src/lib/util/survey-path';
import type { SurveyConfig } from '../../../src/lib/config/types';

describe('data file names as published', () => {
  it("are relative to the survey's folder, whether given from the working folder or absolute", () => {
    const dir = path.join(os.tmpdir(), 'survey');
    const config = { dir } as SurveyConfig;
    const files = [path.join(dir, 'responses', 'a.csv'), path.relative(process.cwd(), path.join(dir, 'b.csv'))].map((file) => ({ file, encoding: 'utf-8', delimiter: ',', rowsRead: 1, used: 1, rejected: 0 }));
    expect(publishedFiles(files, config).map((f) => f.file)).toEqual([path.join('responses', 'a.csv'), 'b.csv']);
    expect(surveyPath(dir, path.join(dir, '..', 'other', 'c.csv'))).toBe(path.join('..', 'other', 'c.csv'));
  });
});
