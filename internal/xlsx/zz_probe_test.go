package xlsx

import (
	"bytes"
	"math/rand/v2"
	"os"
	"testing"
	"time"
)

func TestZZProbe(t *testing.T) {
	var good bytes.Buffer
	Write(&good, []Sheet{{Name: "数据", Rows: [][]any{{"a", "b"}, {1.5, "x"}, {nil, 2}}}})
	seeds := [][]byte{good.Bytes(), rawWorkbook(t, rawSheet{"s", `<row r="1">` + is("A1", "a") + `</row><row r="3">` + num("B3", "1E-2") + `</row>`})}
	r := rand.New(rand.NewPCG(1, 2))
	seeds = append(seeds, []byte("a,b\n1,2\n"), []byte("PK\x03\x04"), []byte{})
	for i := 0; i < 3000; i++ {
		s := seeds[i%len(seeds)]
		d := append([]byte(nil), s...)
		for k := 0; k < 1+r.IntN(4); k++ {
			switch r.IntN(3) {
			case 0:
				if len(d) > 0 {
					d[r.IntN(len(d))] = byte(r.IntN(256))
				}
			case 1:
				d = append(d, byte(r.IntN(256)))
			case 2:
				if len(d) > 0 {
					d = d[:r.IntN(len(d))]
				}
			}
		}
		start := time.Now()
		done := make(chan bool)
		go func() { ReadTableFrom(bytes.NewReader(d), "x", ""); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			os.WriteFile("/tmp/slow.xlsx", d, 0o644)
			t.Fatalf("slow input %d after %v", i, time.Since(start))
		}
	}
}

func FuzzZZ(f *testing.F) {
	var good bytes.Buffer
	Write(&good, []Sheet{{Name: "数据", Rows: [][]any{{"a", "b"}, {1.5, "x"}, {nil, 2}}}})
	f.Add(good.Bytes())
	f.Add(rawWorkbook(f, rawSheet{"s", `<row r="1">` + is("A1", "a") + `</row><row r="3">` + num("B3", "1E-2") + `</row>`}))
	f.Add([]byte("a,b\n1,2\n"))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		os.WriteFile("/tmp/fz-current.bin", data, 0o644)
		done := make(chan bool)
		go func() { ReadTableFrom(bytes.NewReader(data), "x", ""); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			os.WriteFile("/tmp/slow.xlsx", data, 0o644)
			panic("slow")
		}
	})
}
