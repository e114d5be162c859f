import string
t = string.Template('$who likes ${what}; $$5 is cheap')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}, who='z'))
print(t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
try:
    string.Template('bad $ here').substitute()
except ValueError as e:
    print(e)
class Pct(string.Template):
    delimiter = '%'
print(Pct('%x and %{y}').substitute(x=1, y=2))
f = string.Formatter()
print(f.format('{0} {name!r} {1:>5} {{x}} {obj.real} {lst[1]}', 'a', 3.5, name='n', obj=2j, lst=[7, 8]))
print(f.format('{} {} {:{w}}|', 1, 2, 'x', w=4), list(f.parse('a{0!r:>3}b{}')))
