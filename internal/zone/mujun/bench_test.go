package mujun

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
)

// benchEnterprises is n enterprises in 40 zones with random (seeded)
// figures, as a CSV table with valid codes.
func benchEnterprises(n int) []byte {
	rng := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	b.WriteString("uscc,name,zone,land_owned,start_year,output,value_added,tax,energy,emissions,rd,accident\n")
	for i := 0; i < n; i++ {
		land := 1 + 200*rng.Float64()
		va := land * 80 * rng.Float64()
		fmt.Fprintf(&b, "%s,企业%d,Z%02d,%.2f,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.2f,%d\n", benchUSCC(i), i, i%40, land,
			2000+rng.IntN(25), va*4, va, land*20*rng.Float64(), va/(0.5+3*rng.Float64()), va/(10+90*rng.Float64()),
			va*4*0.05*rng.Float64(), rng.IntN(1000)/999)
	}
	return b.Bytes()
}

// benchUSCC makes the i-th valid code: a fixed prefix, i in the 9 digits
// of the organisation code, then the check character.
func benchUSCC(i int) string {
	p := fmt.Sprintf("91620100%09d", i)
	sum := 0
	for k := 0; k < 17; k++ {
		sum += int(p[k]-'0') * usccWeights[k]
	}
	return p + string(usccChars[(31-sum%31)%31])
}

// BenchmarkGrade50000 grades 50,000 enterprises and rolls them up per
// zone; the target is under 1 s.
func BenchmarkGrade50000(b *testing.B) {
	t, err := table.Read("e.csv", bytes.NewReader(benchEnterprises(50000)))
	if err != nil {
		b.Fatal(err)
	}
	es, _, err := ReadEnterprises(t, 0)
	if err != nil {
		b.Fatal(err)
	}
	s := exampleScheme(b)
	c0 := cpuTime()
	for b.Loop() {
		res := Grade(es, s, 2024)
		if zs := Rollup(es, res); len(zs) != 40 {
			b.Fatal(len(zs))
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkReadGrade50000 adds reading the CSV table: parsing, checking
// every code and figure.
func BenchmarkReadGrade50000(b *testing.B) {
	src := benchEnterprises(50000)
	s := exampleScheme(b)
	c0 := cpuTime()
	for b.Loop() {
		t, err := table.Read("e.csv", bytes.NewReader(src))
		if err != nil {
			b.Fatal(err)
		}
		es, _, err := ReadEnterprises(t, 0)
		if err != nil {
			b.Fatal(err)
		}
		Grade(es, s, 2024)
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}
