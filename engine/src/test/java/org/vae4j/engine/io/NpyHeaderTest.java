package org.vae4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyHeaderTest {

    @Test
    void formatsLikePythonRepr() {
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
                new NpyHeader("<f4", false, new long[] {2, 3}).toPythonLiteral());
        assertEquals("{'descr': '<i8', 'fortran_order': True, 'shape': (5,), }",
                new NpyHeader("<i8", true, new long[] {5}).toPythonLiteral());
        assertEquals("{'descr': '|u1', 'fortran_order': False, 'shape': (), }",
                new NpyHeader("|u1", false, new long[0]).toPythonLiteral());
    }

    @Test
    void parsesWhatNumpyWrites() throws ParseException {
        NpyHeader h = NpyHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }     \n");

        assertEquals("<f4", h.descr());
        assertEquals(false, h.fortranOrder());
        assertArrayEquals(new long[] {2, 3}, h.shape());
    }

    @Test
    void parsesOtherValidSpellings() throws ParseException {
        // any key order, double quotes, no trailing commas, Python 2 longs, stray whitespace
        NpyHeader h = NpyHeader.parse(" {\"shape\":(2L,3L),\n\t'fortran_order' :True,'descr':'<f8'}\n");

        assertEquals("<f8", h.descr());
        assertTrue(h.fortranOrder());
        assertArrayEquals(new long[] {2, 3}, h.shape());
        assertArrayEquals(new long[] {7}, NpyHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (7,)}").shape());
        assertArrayEquals(new long[0], NpyHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': ( )}").shape());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {'descr': '<f4', 'fortran_order': False, 'shape': (5), }           | 52 | a one-element shape needs a trailing comma, found ')'
            {'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }         | 51 | expected a non-negative integer, found '-'
            {'descr': '<f4', 'fortran_order': false, 'shape': (1,), }          | 34 | expected True or False, found 'f'
            {'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1, }  | 56 | unexpected key 'x'
            {'descr': '<f4', 'descr': '<f8', 'fortran_order': False, }         | 17 | duplicate key 'descr'
            {'descr': '<f4', 'fortran_order': False, }                         | 0  | missing key 'shape'
            {'descr': '<f4', 'fortran_order': False, 'shape': (1,), } x        | 58 | unexpected text after '}', found 'x'
            {'descr': '<f4', 'fortran_order': False, 'shape': (1,) 'x'}        | 55 | expected ',' or '}', found '''
            {'descr': '<f4                                                     | 10 | unterminated string, found '''
            {'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), } | 51 | dimension too large
            {'descr': '<f4', 'fortran_order': False, 'shape': (1, 2            | 55 | expected ',' or ')', found end of header
            [1, 2]                                                             | 0  | expected '{', found '['
            """)
    void rejectsMalformedHeadersAtTheOffendingCharacter(String text, int offset, String message) {
        ParseException e = assertThrows(ParseException.class, () -> NpyHeader.parse(text));

        assertEquals(message, e.getMessage());
        assertEquals(offset, e.getErrorOffset());
    }
}
