flag = True
if flag:
    def f(): return 'first'
else:
    def f(): return 'second'
print(f())
for n in range(2):
    def g(n=n): return n
print(g())
while True:
    class Inside:
        tag = 'in loop'
    break
print(Inside.tag)
