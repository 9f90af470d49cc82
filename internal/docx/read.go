package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Text is the text of a document's body as ReadText finds it.
type Text struct {
	Paragraphs []string     // paragraphs outside tables, in order (empty ones included)
	Tables     [][][]string // each table's rows of cells
}

// All is every paragraph and table cell, one a line.
func (t *Text) All() string {
	var b strings.Builder
	for _, p := range t.Paragraphs {
		b.WriteString(p + "\n")
	}
	for _, tb := range t.Tables {
		for _, row := range tb {
			b.WriteString(strings.Join(row, "\t") + "\n")
		}
	}
	return b.String()
}

// ReadText reads the body text of a .docx file: what the checks of a
// notice need (it understands paragraphs, runs and tables, not nesting).
// A line break inside a paragraph reads as nothing, so that a title set
// on two lines reads whole.
func ReadText(file []byte) (*Text, error) {
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	t := &Text{}
	var para strings.Builder
	var row []string
	inText, inTable := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, fmt.Errorf("docx: document.xml: %w", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if x.Name.Space != nsW {
				continue
			}
			switch x.Name.Local {
			case "p":
				para.Reset()
			case "t":
				inText = true

			case "tbl":
				inTable = true
				t.Tables = append(t.Tables, nil)
			case "tr":
				row = nil
			}
		case xml.EndElement:
			if x.Name.Space != nsW {
				continue
			}
			switch x.Name.Local {
			case "t":
				inText = false
			case "p":
				if inTable {
					row = append(row, para.String())
				} else {
					t.Paragraphs = append(t.Paragraphs, para.String())
				}
			case "tr":
				t.Tables[len(t.Tables)-1] = append(t.Tables[len(t.Tables)-1], row)
			case "tbl":
				inTable = false
			}
		case xml.CharData:
			if inText {
				para.Write(x)
			}
		}
	}
}
