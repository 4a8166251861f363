package tags

const C = 2
