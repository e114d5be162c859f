import textwrap
text = ("The quick brown fox jumps over the lazy dog. A well-known pangram is used "
        "to test type-faces and keyboards; it contains every letter of the English alphabet. "
        "Supercalifragilisticexpialidocious words are long-winded.")
for w in (10, 25, 40, 70):
    print(textwrap.wrap(text, w))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('a\tb  c\n d', 5), textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.wrap('xxxxxxxxxxxxxxxxxxxxxxxx', 7), textwrap.wrap('xxxxxxxxxx yyy', 7, break_long_words=False))
print(textwrap.wrap('aaa-bbbbbbbbbbbb-ccc', 8), textwrap.wrap('well-known well-known', 9, break_on_hyphens=False))
print(textwrap.shorten('Hello  world, this is a long sentence', 20), textwrap.shorten('Hi there', 20))
print(textwrap.wrap(text, 30, max_lines=3), textwrap.wrap(text, 30, max_lines=2, placeholder='...'))
print(repr(textwrap.dedent('''
    def f():
        return 1
      
    x = 2
''')))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('    x\n  y\n')))
print(repr(textwrap.indent('a\n\nb\n', '> ')), repr(textwrap.indent('a\nb', '+', lambda l: True)))
print(textwrap.fill('Hello there. How are you? I said "fine." OK. Dr. Who!', 80, fix_sentence_endings=True))
print(textwrap.TextWrapper(width=12, fix_sentence_endings=True).wrap('End one. Two here.'))
