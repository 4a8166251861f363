package p

import "unsafe"

func f5([unsafe.Sizeof(f5)]int) {}

func f([len(f)]int) {}

func F1[T any](_ [len(F1[int])]T) {}
