package tags

const C = 5
