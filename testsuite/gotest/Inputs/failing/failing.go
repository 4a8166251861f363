package failing

func Mul(a, b int) int { return a * b }
