package tags

const C = 3
