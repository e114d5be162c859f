class Dog:
    species = 'canis'
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def speak(self):
        return f'{self.name} says woof'
    def birthday(self):
        self.age += 1
        return self
d = Dog('Rex', 3)
print(d.speak(), d.age, d.birthday().age, d.species, Dog.species)
d.species = 'own'
print(d.species, Dog.species)
print(type(d).__name__, Dog.__name__, isinstance(d, Dog), d.__class__ is Dog)
print(sorted(d.__dict__), d.__dict__)
print(Dog.speak(d), Dog.__qualname__)
