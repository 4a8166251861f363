package tags

const C = 4
