def gen_squares(n):
    for i in range(n):
        yield i * i
def use():
    return sum(gen_squares(5)), list(gen_squares(3)), max(gen_squares(4))
print(use())
def early_return(x):
    if x:
        return 'early'
    for i in range(3):
        if i == 1:
            return i
    return 'end'
print(early_return(1), early_return(0))
def no_return():
    x = 1
print(no_return())
