package engine

import "testing"

// BenchmarkExplain explains one unit's change between two periods of the
// ASEM panel (51 units × 49 indicators) under COINr's example pipeline:
// the two runs, two mixed runs and the attribution.
func BenchmarkExplain(b *testing.B) {
	ins := asemInputs(b, "ASEM_iData_p.csv")
	m, err := NewPipelineModel(ins[0].Tree, exampleSpec(), "EurAsia_group")
	if err != nil {
		b.Fatal(err)
	}
	d0, d1 := PipelineData(ins[3]), PipelineData(ins[4])
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Explain(m, d0, m, d1, "CHN"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWhatIf finds the smallest rise of one indicator that lifts the
// 11th unit of the ASEM example into the top 10.
func BenchmarkWhatIf(b *testing.B) {
	in := asemInputs(b, "ASEM_iData.csv")[0]
	d := PipelineData(in)
	m, err := NewPipelineModel(in.Tree, exampleSpec(), "")
	if err != nil {
		b.Fatal(err)
	}
	s, err := m.Score(d)
	if err != nil {
		b.Fatal(err)
	}
	unit := ""
	for u, r := range s.Rank {
		if r == 11 {
			unit = s.Units[u]
		}
	}
	q := WhatIfQuery{Unit: unit, Column: "LPI", TopK: 10}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WhatIf(m, d, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWhatIfUniform is BenchmarkWhatIf with a uniform change of every
// indicator: a full pipeline run per step.
func BenchmarkWhatIfUniform(b *testing.B) {
	in := asemInputs(b, "ASEM_iData.csv")[0]
	d := PipelineData(in)
	m, err := NewPipelineModel(in.Tree, exampleSpec(), "")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WhatIf(m, d, WhatIfQuery{Unit: "IND", TopK: 10}); err != nil {
			b.Fatal(err)
		}
	}
}
