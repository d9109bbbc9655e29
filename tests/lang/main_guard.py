# A file run as a program has __name__ == "__main__".
def main():
    print("main ran")
    return 0


print(__name__)
if __name__ == "__main__":
    main()
else:
    print("imported, not run")
