import { parsePython } from '../../src/languages/python/syntax';
import { kids } from '../../src/schema/orm/python/nodes';
import { serverDefaultValue } from '../../src/schema/server-defaults';

/** Issue 20: two spellings of one server default compare equal (DESIGN §5: `now()` = CURRENT_TIMESTAMP). */
async function valueOf(expression: string): Promise<string | undefined> {
  const tree = await parsePython(`${expression}\n`);
  try {
    return serverDefaultValue(kids(kids(tree.rootNode)[0])[0]!);
  } finally {
    tree.delete();
  }
}

describe('server defaults as the database holds them', () => {
  it.each([
    ['"active"', "sa.text(\"'active'\")"],
    ['"0"', 'sa.text("0")'],
    ['func.now()', 'sa.text("CURRENT_TIMESTAMP")'],
    ['sa.func.current_timestamp()', 'text("(now())")'],
    ['sa.false()', 'sa.text("false")'],
    ['sa.func.gen_random_uuid()', 'sa.text("gen_random_uuid()")'],
  ])('%s = %s', async (a, b) => {
    expect(await valueOf(a)).toBeDefined();
    expect(await valueOf(a)).toBe(await valueOf(b));
  });

  it('tells different ones apart, and does not guess at an expression it does not know', async () => {
    expect(await valueOf('"active"')).not.toBe(await valueOf('"pending"'));
    expect(await valueOf('sa.func.lower("X")')).toBeUndefined();
    expect(await valueOf('some_call()')).toBeUndefined();
  });
});
