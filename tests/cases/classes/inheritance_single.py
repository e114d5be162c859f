class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name}: {self.sound}'
    def kind(self):
        return 'animal'
class Cat(Animal):
    sound = 'meow'
    def kind(self):
        return 'cat/' + super().kind()
class Kitten(Cat):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + '!'
for a in [Animal('a'), Cat('c'), Kitten('k', 1)]:
    print(a.speak(), a.kind(), type(a).__name__)
print(issubclass(Kitten, Animal), issubclass(Animal, Cat), Kitten.__bases__, Kitten.__base__)
print([c.__name__ for c in Kitten.__mro__])
