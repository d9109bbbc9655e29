class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def describe(self):
        return f"{self.name} is an {self.kind}: {self.speak()}"


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return f"{self.name} barks"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + " softly"


for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1)]:
    print(a.describe())

print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, object))
print(isinstance(Puppy("x", 2), (int, Dog)), isinstance(3, (int, Dog)))
print(Puppy.__bases__, Puppy.__base__)
print(Puppy.__mro__)
print(Puppy("a", 1).__dict__)
print(super(Puppy, Puppy("z", 3)).speak())
print(issubclass(bool, int), issubclass(Dog, (str, Animal)))
