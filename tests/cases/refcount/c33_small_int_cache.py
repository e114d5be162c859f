a = 256; b = int('256'); c = 257; d = int('257')
print(a is b, c is d, int('-5') is int('-5'), int('-6') is int('-6'))
