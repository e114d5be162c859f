d = {}
for key in ['plain', "quote'", 1, (1, 2), None, '', 2.5, ('tup',)]:
    try:
        d[key]
    except KeyError as e:
        print(str(e), repr(e), e.args)
