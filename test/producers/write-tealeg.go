// Writes the task table of test/producers/table.json with Go's tealeg/xlsx, a producer in the producer matrix.
//
// Usage: write-tealeg TABLE_JSON OUT.xlsx (built by make-producers.py in GOPATH mode, offline).
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"time"

	"github.com/tealeg/xlsx"
)

type table struct {
	Sheet  string          `json:"sheet"`
	Header []string        `json:"header"`
	Rows   [][]interface{} `json:"rows"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: write-tealeg TABLE_JSON OUT.xlsx")
		os.Exit(2)
	}
	if err := write(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func write(tablePath, out string) error {
	data, err := os.ReadFile(tablePath)
	if err != nil {
		return err
	}
	var t table
	if err := json.Unmarshal(data, &t); err != nil {
		return err
	}
	file := xlsx.NewFile()
	sheet, err := file.AddSheet(t.Sheet)
	if err != nil {
		return err
	}
	header := sheet.AddRow()
	for _, text := range t.Header {
		header.AddCell().SetString(text)
	}
	for _, values := range t.Rows {
		row := sheet.AddRow()
		for _, value := range values {
			// Every cell is added, empty ones too, because tealeg places cells by their order in the row.
			cell := row.AddCell()
			if err := set(cell, value); err != nil {
				return err
			}
		}
	}
	return file.Save(out)
}

func set(cell *xlsx.Cell, value interface{}) error {
	switch v := value.(type) {
	case nil:
	case string:
		cell.SetString(v)
	case float64:
		if v == math.Trunc(v) {
			cell.SetInt(int(v))
		} else {
			cell.SetFloat(v)
		}
	case map[string]interface{}:
		day, err := time.Parse("2006-01-02", fmt.Sprint(v["date"]))
		if err != nil {
			return err
		}
		cell.SetDateWithOptions(day, xlsx.DateTimeOptions{Location: time.UTC, ExcelTimeFormat: "yyyy-mm-dd"})
	default:
		return fmt.Errorf("unexpected cell %v", value)
	}
	return nil
}
