for s in ['abc', 'ABC', 'aBc', '123', '12.5', '', ' ', 'a b', 'Title Case', 'é', '٣', '½', 'x1', '\t\n']:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
