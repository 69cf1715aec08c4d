package org.opensoc.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UiRedirectTest {

    @Test
    void sendsTheRootAndTheBareUiPathToTheUi() {
        given().redirects().follow(false).get("/").then().statusCode(307).header("Location", endsWith("/ui/"));
        given().redirects().follow(false).get("/ui").then().statusCode(307).header("Location", endsWith("/ui/"));
    }

    @Test
    void servesTheUiPageAtTheSlashedPath() {
        given().get("/ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\">"), containsString("/ui/assets/"));
    }
}
