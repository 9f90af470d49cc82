package engine

// Scaffolding for the treatment step: replaced by treat.go.

// TreatReport records what Treat did to every indicator and point.
type TreatReport struct{}

func Treat(d *Dataset, s TreatSpec) (*Dataset, *TreatReport, error) { panic("todo") }
