import { bracketed, pythonLineLength } from '../../src/languages/python/layout';

describe('pythonLineLength: the line length the project formats Python to', () => {
  const reader = (files: Record<string, string>) => (file: string) => files[file];

  it.each([
    ['no configuration: PEP 8', {}, 'app/models.py', 79],
    ['[tool.black] at the root', { 'pyproject.toml': '[tool.black]\nline-length = 100\n' }, 'app/models.py', 100],
    ['[tool.ruff] at the root', { 'pyproject.toml': '[tool.ruff]\nline-length = 120\n' }, 'app/models.py', 120],
    ['black before ruff in one pyproject', { 'pyproject.toml': '[tool.ruff]\nline-length = 120\n\n[tool.black]\nline-length = 99\n' }, 'm.py', 99],
    ['ruff.toml before pyproject.toml in one folder', { 'ruff.toml': 'line-length = 110\n', 'pyproject.toml': '[tool.black]\nline-length = 100\n' }, 'm.py', 110],
    ['.ruff.toml before ruff.toml', { '.ruff.toml': 'line-length = 90\n', 'ruff.toml': 'line-length = 110\n' }, 'm.py', 90],
    ['the nearest folder that sets one', { 'pyproject.toml': '[tool.black]\nline-length = 100\n', 'svc/pyproject.toml': '[tool.black]\nline-length = 72\n' }, 'svc/api/views.py', 72],
    ['a nearer pyproject that sets none (black formats with its defaults there): PEP 8', { 'pyproject.toml': '[tool.black]\nline-length = 100\n', 'svc/pyproject.toml': '[project]\nname = "svc"\n' }, 'svc/views.py', 79],
    ['a config black could not read either', { 'pyproject.toml': '[tool.black\nline-length = 100\n' }, 'm.py', 79],
  ])('%s', (_, files, file, expected) => {
    expect(pythonLineLength(reader(files), file)).toBe(expected);
  });
});

describe('bracketed: generated code as black leaves it', () => {
  it('keeps what fits on its line', () => {
    expect(bracketed('__all__ = ["A", "B"]', '__all__ = [', ['"A"', '"B"'], ']', 79)).toEqual(['__all__ = ["A", "B"]']);
  });

  it('puts one item per line, with a trailing comma, at the head line\'s indentation, what does not fit', () => {
    expect(bracketed('    x = call(aaaa, bbbb)', '    x = call(', ['aaaa', 'bbbb'], ')', 20)).toEqual(['    x = call(', '        aaaa,', '        bbbb,', '    )']);
  });
});
