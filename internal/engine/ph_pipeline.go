package engine

// Scaffolding for the other steps and the pipeline: replaced by their files.

// ScreenReport says which units Screen kept and their data availability.
type ScreenReport struct{}

func Denominate(raw, denoms *Dataset, t *Tree) (*Dataset, error)         { panic("todo") }
func Impute(d *Dataset, s ImputeSpec, groups []string) (*Dataset, error) { panic("todo") }
func Screen(d *Dataset, threshold float64) (*Dataset, *ScreenReport)     { panic("todo") }
func Aggregate(d *Dataset, t *Tree, s AggSpec) (*Dataset, error)         { panic("todo") }
func Evaluate(in Input, s Spec) (*Result, error)                         { panic("todo") }
func EvaluatePanel(ins []Input, s Spec, global bool) ([]*Result, error)  { panic("todo") }
