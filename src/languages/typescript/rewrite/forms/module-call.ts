import type { UsageKind } from '../../resolve';
import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { calleeName } from '../text';
import { mayLoadComputedModule } from '../../prefilter';
import { renameFactoryKeys } from './mock-factory';
import { rewriteModuleValue } from './module-value';

export function visitCall(rw: FileRewrite, call: ts.CallExpression): void {
  const callee = call.expression.kind === ts.SyntaxKind.ImportKeyword ? 'import' : calleeName(call.expression);
  if (!callee) return;
  const argument = call.arguments[0];
  const isLoad = callee === 'import' || callee === 'require';
  const mock = MOCK_CALLS.get(callee);
  const actual = ACTUAL_CALLS.get(callee);
  if (!isLoad && !mock && !actual && callee !== 'require.resolve') return;
  if (!argument) return;
  if (!ts.isStringLiteralLike(argument)) {
    // case: computed require(x) / import(x)
    if (isLoad && mayLoadComputedModule(rw.prepared, rw.text)) rw.review(call, `computed ${callee}(${argument.getText(rw.sourceFile).slice(0, 60)}): cannot tell whether it loads a moved module`, true);
    return;
  }
  const usage: UsageKind = callee === 'import' ? 'import' : (mock ?? actual ?? 'require');
  const old = rw.oldModuleOf(argument, usage);
  if (!old) return;
  const whole = rw.map.moveOfModule(old.id);
  if (callee === 'require.resolve' || mock) {
    // case: require.resolve('x'), jest.mock('x'), vi.mock('x', factory)
    if (whole) {
      rw.retarget(argument, old, whole, usage, 'strings');
      if (mock && call.arguments.length > 1 && whole.rule.rename.size && !renameFactoryKeys(rw, call.arguments[1]!, whole.rule.rename)) {
        rw.review(call, `${callee} factory for '${old.id}', whose names ${[...whole.rule.rename.keys()].join(', ')} are renamed: check the factory's keys`);
      }
    } else if (mock && rw.map.hasNameMoves(old.id)) {
      const moved = rw.map.movedNames(old.id);
      // a barrel that follows a rename (barrels: follow) keeps its names under new ones: only a factory's keys need a look
      if (moved.every((name) => rw.map.moveOfName(old.id, name)?.module === old.id)) {
        const renames = new Map(moved.map((name) => [name, rw.map.moveOfName(old.id, name)!.name] as const));
        if (call.arguments.length > 1 && !renameFactoryKeys(rw, call.arguments[1]!, renames)) {
          rw.review(call, `${callee} factory for '${old.id}', whose names ${moved.join(', ')} are renamed: check the factory's keys`);
        }
      } else {
        rw.review(call, `${callee}('${argument.text}') mocks '${old.id}', whose names ${moved.join(', ')} move elsewhere: the mock no longer covers them`);
      }
    }
    return;
  }
  // case: import('x'), require('x'), jest.requireActual('x'), vi.importActual('x')
  rewriteModuleValue(rw, call, argument, old, whole, usage, callee);
}


export const MOCK_CALLS = new Map<string, UsageKind>([
  ['jest.mock', 'require'],
  ['jest.unmock', 'require'],
  ['jest.doMock', 'require'],
  ['jest.dontMock', 'require'],
  ['jest.setMock', 'require'],
  ['jest.requireMock', 'require'],
  ['vi.mock', 'import'],
  ['vi.doMock', 'import'],
  ['vi.unmock', 'import'],
  ['vi.doUnmock', 'import'],
  ['vi.importMock', 'import'],
]);

export const ACTUAL_CALLS = new Map<string, UsageKind>([
  ['jest.requireActual', 'require'],
  ['vi.importActual', 'import'],
]);
