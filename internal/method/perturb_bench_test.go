package method

import (
	"context"
	"testing"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// BenchmarkMethodRobustness is the demo method's own uncertainty analysis
// ([uncertainty] of examples/gansu/method.toml: weights ±25 % at levels 1
// and 2, winmax 1–5, amean or gmean) on the 2022 inputs with events and
// targets, N = 1000, the same with amean only, and the Sobol analysis
// with N = 1000 (5,000 runs).
// Each iteration is a whole analysis: preparation (derived indicators,
// scores per winmax, weights per aggregation) and replicates; reading the
// workbook is not timed. docs/PERFORMANCE.md reports the figures.
func BenchmarkMethodRobustness(b *testing.B) {
	m, in := gansuInput(b, "2022")
	u := *m.Uncertainty
	amean := u
	amean.Aggregate = nil
	for _, bc := range []struct {
		name string
		u    Uncertainty
		run  func(a *Analysis) error
	}{
		{"uncertainty", u, func(a *Analysis) error {
			_, err := a.Uncertainty(context.Background(), engine.RunOptions{N: 1000, Seed: 1})
			return err
		}},
		// The same without gmean, whose logarithms and exponentials are
		// most of a replicate's time.
		{"uncertainty-amean", amean, func(a *Analysis) error {
			_, err := a.Uncertainty(context.Background(), engine.RunOptions{N: 1000, Seed: 1})
			return err
		}},
		{"sobol", u, func(a *Analysis) error {
			_, err := a.Sobol(context.Background(), engine.RunOptions{N: 1000, Seed: 1}, 0)
			return err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				a, err := NewAnalysis(m, in, bc.u)
				if err != nil {
					b.Fatal(err)
				}
				if err := bc.run(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
