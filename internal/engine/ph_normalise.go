package engine

// Scaffolding for the normalisation step: replaced by normalise.go.

func Normalise(d *Dataset, t *Tree, s NormSpec) (*Dataset, error) { panic("todo") }
