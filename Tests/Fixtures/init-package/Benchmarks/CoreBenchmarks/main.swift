import Core

print(Item(name: "bench"))
