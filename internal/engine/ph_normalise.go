package engine

// Scaffolding for the normalisation step: replaced by normalise.go.

func Normalise(d *Dataset, t *Tree, s NormSpec) (*Dataset, error) { panic("todo") }

func Rank(x []float64, ties string) []float64 { panic("todo") }
