# The course's synchronous count(): time.sleep blocks, so the three calls run one after
# the other and the program takes three seconds.
import time

def count():
    print("One")
    time.sleep(1)
    print("Two")

def main():
    for _ in range(3):
        count()

if __name__ == "__main__":
    s = time.perf_counter()
    main()
    elapsed = time.perf_counter() - s
    # The course prints the whole __file__; its last part keeps the output
    # the same wherever the program is run from.
    print(f"{__file__.split('/')[-1]} executed in {elapsed:0.2f} seconds.")
