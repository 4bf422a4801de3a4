package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JVM signatures as the Java source a person wrote. */
@Timeout(10)
class SignaturesTest {

    @Test
    void nestedTypeArgumentsReadAsSource() {
        assertThat(Signatures.type("Ljava/util/Map<Ljava/lang/String;Ljava/util/List<Ljava/lang/Integer;>;>;"))
                .isEqualTo("Map<String, List<Integer>>");
    }

    @Test
    void descriptorsAndPrimitivesReadAsSource() {
        assertThat(List.of(Signatures.type("I"), Signatures.type("[[D"), Signatures.type("Ljava/lang/String;"), Signatures.type("Z")))
                .containsExactly("int", "double[][]", "String", "boolean");
    }

    @Test
    void wildcardsKeepTheirBounds() {
        assertThat(Signatures.type("Ljava/util/Map<*+Ljava/lang/Number;>;")).isEqualTo("Map<?, ? extends Number>");
        assertThat(Signatures.type("Ljava/util/List<-Ljava/lang/Integer;>;")).isEqualTo("List<? super Integer>");
    }

    @Test
    void nestedAndInnerClassesUseDots() {
        assertThat(Signatures.type("Ldemo/App$Item;")).isEqualTo("App.Item");
        assertThat(Signatures.type("Ldemo/Outer<TT;>.Inner<Ljava/lang/String;>;")).isEqualTo("Outer<T>.Inner<String>");
    }

    @Test
    void arraysOfGenericTypesAndTypeVariables() {
        assertThat(Signatures.type("[Ljava/util/List<Ljava/lang/String;>;")).isEqualTo("List<String>[]");
        assertThat(Signatures.type("[TT;")).isEqualTo("T[]");
    }

    @Test
    void classSignaturesSplitIntoTypeParametersSuperclassAndInterfaces() {
        assertThat(Signatures.classSignature(
                "<T:Ljava/lang/Object;U:Ljava/lang/Number;:Ljava/lang/Comparable<TU;>;>Ldemo/Base<Ljava/util/List<TT;>;>;"
                        + "Ljava/lang/Comparable<Ldemo/State;>;"))
                .isEqualTo(new Signatures.ClassSignature("<T, U extends Number & Comparable<U>>", "Base<List<T>>",
                        List.of("Comparable<State>")));
        assertThat(Signatures.classSignature("<K::Ljava/lang/Comparable<TK;>;>Ljava/lang/Object;"))
                .isEqualTo(new Signatures.ClassSignature("<K extends Comparable<K>>", "Object", List.of()));
    }

    @Test
    void malformedSignaturesNameWhereTheyBreak() {
        assertThatThrownBy(() -> Signatures.type("Ljava/util/List<Ljava/lang/String;"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed signature 'Ljava/util/List<Ljava/lang/String;': expected '>' at index 34");
        assertThatThrownBy(() -> Signatures.type("II"))
                .hasMessage("malformed signature 'II': expected the end at index 1");
    }
}
