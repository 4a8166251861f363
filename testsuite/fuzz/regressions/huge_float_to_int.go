package main

const _ int64 = 1e300000000
const _ uint8 = 1e300000000
const _ = int(1e300000000)
var _ int = 1e300000000
