package tags

const F = 1
