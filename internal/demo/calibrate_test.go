package demo

import (
	"testing"
	"time"
)

// TestCalibration evaluates the generated data with the demo's method and
// checks the properties the demo is calibrated to (CheckCalibration), not
// stored numbers.
func TestCalibration(t *testing.T) {
	o21, o22, err := Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	r21, r22 := ResultOf(o21), ResultOf(o22)
	for _, msg := range CheckCalibration(r21, r22) {
		t.Error(msg)
	}
	mean, largest := Stability(r21, r22)
	t.Logf("mean |rank change| %.2f, largest %v", mean, largest)
}

// TestCheckCalibrationFails shows the check is not vacuous: moving one
// published winner out of the 2021 十强县 and inflating a rise are caught.
func TestCheckCalibrationFails(t *testing.T) {
	o21, o22, err := Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	r21, r22 := ResultOf(o21), ResultOf(o22)
	r21.Winners["十强县"] = append([]string{"620103"}, r21.Winners["十强县"][1:]...) // 七里河区 for the first
	r22.Change["620622"] = 23                                                  // 古浪县 +23, not +24
	if got := CheckCalibration(r21, r22); len(got) < 2 {
		t.Errorf("the check found %v", got)
	}
}

// TestCalibrationIsDeterministic: a second calibration gives the same
// strengths.
func TestCalibrationIsDeterministic(t *testing.T) {
	start := time.Now()
	a, err := calibrate()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("calibration took %v", time.Since(start)) // a figure for the report, not asserted
	b, _ := latent()
	for k := range a {
		for i := range a[k] {
			if a[k][i] != b[k][i] {
				t.Fatalf("strength %d of county %d: %v, then %v", k, i, a[k][i], b[k][i])
			}
		}
	}
}
