def main():
    print('main called, __name__ =', __name__)
if __name__ == '__main__':
    main()
import sys
print(sys.modules['__main__'].main is main)
